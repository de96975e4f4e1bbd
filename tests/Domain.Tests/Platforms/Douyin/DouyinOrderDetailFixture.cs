namespace ServerlessSync.Domain.Tests.Platforms.Douyin;

/// <summary>An order.orderDetail answer written from the documented field names; all values are invented.</summary>
internal static class DouyinOrderDetailFixture
{
    public const string EncryptedName = "#Zm9vYmFy#ZW5jcnlwdGVkLW5hbWU=#*#1##";
    public const string EncryptedTel = "$MTM4$ZW5jcnlwdGVkLXRlbA==$*$1$$";
    public const string EncryptedDetail = "#YWRkcg==#ZW5jcnlwdGVkLWRldGFpbA==#*#1##";

    public static string Response(int orderStatus = 105, int mainStatus = 105) => $$"""
    {
      "log_id": "20251111120000ABCDEF",
      "code": 10000,
      "msg": "success",
      "sub_code": "",
      "sub_msg": "",
      "data": {
        "shop_order_detail": {
          "shop_id": 100200300,
          "order_id": "6917530340000000001",
          "order_level": 2,
          "order_status": {{orderStatus}},
          "main_status": {{mainStatus}},
          "create_time": 1762862400,
          "pay_time": 1762862460,
          "update_time": 1762862470,
          "b_type": 2,
          "c_biz": 8,
          "order_amount": 44700,
          "pay_amount": 44900,
          "post_amount": 600,
          "promotion_amount": 400,
          "doudian_open_id": "1@#b3Blbi1pZA==",
          "post_receiver": "",
          "encrypt_post_receiver": "{{EncryptedName}}",
          "post_tel": "",
          "encrypt_post_tel": "{{EncryptedTel}}",
          "post_addr": { "province": { "name": "浙江省", "id": "33" }, "detail": "", "encrypt_detail": "{{EncryptedDetail}}" },
          "mask_post_receiver": "张**",
          "mask_post_tel": "138****5678",
          "mask_post_addr": {
            "province": { "name": "浙江省", "id": "33" },
            "city": { "name": "杭州市", "id": "3301" },
            "town": { "name": "西湖区", "id": "330106" },
            "street": { "name": "文新街道", "id": "" },
            "detail": "***12号"
          },
          "sku_order_list": [
            {
              "order_id": "6917530340000000001",
              "parent_order_id": "6917530340000000001",
              "product_id": 3600000000000001,
              "product_id_str": "3600000000000001",
              "product_name": "丝绒口红 #01",
              "sku_id": 1720000000000001,
              "code": "SKU-LIP-01",
              "out_sku_id": "",
              "item_num": 2,
              "origin_amount": 9900,
              "sum_amount": 19800,
              "promotion_amount": 200,
              "pay_amount": 19600,
              "given_product_type": "MASTER",
              "master_sku_order_id_list": [],
              "author_id": 0,
              "author_name": "",
              "room_id": 0,
              "room_id_str": ""
            },
            {
              "order_id": "6917530340000000002",
              "parent_order_id": "6917530340000000001",
              "product_id": 3600000000000009,
              "product_id_str": "3600000000000009",
              "product_name": "面霜礼盒",
              "sku_id": 1720000000000009,
              "code": "",
              "out_sku_id": "OUT-GIFTBOX",
              "item_num": 1,
              "origin_amount": 24900,
              "sum_amount": 24900,
              "promotion_amount": 200,
              "pay_amount": 24700,
              "author_id": 71000001,
              "author_name": "主播小美",
              "room_id": 7300000000000000001,
              "room_id_str": "7300000000000000001",
              "bundle_sku_info": [
                { "product_id": "3600000000000003", "product_name": "保湿面霜 50ml", "sku_id": "1720000000000003", "item_num": 1, "code": "SKU-CREAM-50", "picture_url": "" },
                { "product_id": "3600000000000004", "product_name": "补水面膜 10片", "sku_id": "1720000000000004", "item_num": 2, "code": "SKU-MASK-10", "picture_url": "" }
              ]
            },
            {
              "order_id": "6917530340000000003",
              "parent_order_id": "6917530340000000001",
              "product_id": 3600000000000004,
              "product_id_str": "3600000000000004",
              "product_name": "补水面膜 10片",
              "sku_id": 1720000000000004,
              "code": "SKU-MASK-10",
              "item_num": 1,
              "origin_amount": 0,
              "sum_amount": 0,
              "pay_amount": 0,
              "given_product_type": "FREE",
              "master_sku_order_id_list": ["6917530340000000001"],
              "author_id": 71000001,
              "author_name": "主播小美",
              "room_id": 7300000000000000001,
              "room_id_str": "7300000000000000001"
            }
          ]
        }
      }
    }
    """;
}
