namespace ServerlessSync.Domain.Tests.Platforms.Kuaishou;

/// <summary>An <c>open.order.detail</c> answer written from the documented field names (values invented).</summary>
internal static class KuaishouOrderDetailFixture
{
    public static string Response(
        int status = 30,
        string refundList = "[]",
        string oid = "2607602240240301",
        string cpsInfo = """{"distributorId":71000002,"distributorName":"主播阿杰"}""",
        int carrierType = 2,
        string subOrders = Gift) => $$"""
        {
          "result": 1,
          "error_msg": "",
          "data": {
            "orderBaseInfo": {
              "oid": {{oid}},
              "status": {{status}},
              "createTime": 1762862400000,
              "payTime": 1762862460000,
              "updateTime": 1762862470000,
              "buyerOpenId": "f18b3Blbi1pZA",
              "buyerNick": "",
              "sellerOpenId": "f19abc",
              "totalFee": 29700,
              "discountFee": 300,
              "expressFee": 800,
              "payType": 1,
              "cpsType": 2,
              "carrierType": {{carrierType}},
              "carrierId": 7300000000000000002,
              "orderSellerRoleInfo": { "roleType": 2, "roleId": 71000001, "roleName": "主播小美" }
            },
            "orderItemInfo": {
              "skuId": 1720000000000001,
              "relSkuId": 0,
              "skuDesc": "#01",
              "skuNick": "SKU-LIP-01",
              "itemId": 3600000000000001,
              "itemTitle": "丝绒口红 #01",
              "num": 3,
              "originalPrice": 9900,
              "discountFee": 300,
              "price": 9800,
              "goodsCode": "OUT-LIP-01",
              "allActivityType": [18]
            },
            "subOrderInfo": {{subOrders}},
            "orderRefundList": {{refundList}},
            "orderAddress": {
              "encryptedConsignee": "##c2VjcmV0LW5hbWU=##",
              "desensitiseConsignee": "张**",
              "encryptedMobile": "$$c2VjcmV0LXRlbA==$$",
              "desensitiseMobile": "138******00",
              "encryptedAddress": "~~c2VjcmV0LWFkZHI=~~",
              "desensitiseAddress": "***12号",
              "province": "北京市",
              "city": "北京市",
              "district": "海淀区",
              "town": "上地街道"
            },
            "orderCpsInfo": {{cpsInfo}}
          }
        }
        """;

    public const string Gift = """
        [
          {
            "subOrderBaseInfo": { "oid": 2607602240240302, "status": 30, "updateTime": 1762862470000 },
            "subOrderItemInfo": {
              "skuId": 1720000000000004, "skuNick": "SKU-MASK-10", "itemId": 3600000000000004,
              "itemTitle": "补水面膜 10片", "num": 1, "originalPrice": 6900, "discountFee": 0, "price": 0
            },
            "subOrderType": 2
          }
        ]
        """;
}
