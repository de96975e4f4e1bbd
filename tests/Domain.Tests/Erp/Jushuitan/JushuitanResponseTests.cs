namespace ServerlessSync.Domain.Tests.Erp.Jushuitan;

public sealed class JushuitanResponseTests
{
    [Theory]
    [InlineData("""{"code":0,"msg":"执行成功","data":{}}""", JushuitanAnswerKind.Success)]
    [InlineData("""{"code":"0","msg":"","data":{}}""", JushuitanAnswerKind.Success)]
    [InlineData("""{"code":199,"msg":"too fast","data":null}""", JushuitanAnswerKind.Throttled)]
    [InlineData("""{"code":200,"msg":"too many","data":null}""", JushuitanAnswerKind.Throttled)]
    [InlineData("""{"code":100,"msg":"签名错误","data":null}""", JushuitanAnswerKind.AuthFailed)]
    [InlineData("""{"code":102,"msg":"timestamp","data":null}""", JushuitanAnswerKind.AuthFailed)]
    [InlineData("""{"code":103,"msg":"token","data":null}""", JushuitanAnswerKind.AuthFailed)]
    [InlineData("""{"code":130,"msg":"biz","data":null}""", JushuitanAnswerKind.Rejected)]
    public void Top_level_codes_are_classified(string body, JushuitanAnswerKind expected) =>
        Assert.Equal(expected, JushuitanResponse.Parse(body).Kind);

    [Fact]
    public void Upload_elements_each_have_their_own_verdict()
    {
        var items = JushuitanUploadResult.Parse(JushuitanResponse.Parse(
            """
            {"code":0,"msg":"执行成功","data":{"datas":[
              {"o_id":1528134,"so_id":"A","issuccess":true,"msg":""},
              {"o_id":1528100,"so_id":"B","issuccess":false,"msg":"订单已存在"},
              {"o_id":0,"so_id":"C","issuccess":"false","msg":"商品编码[X]不存在"}]}}
            """));

        Assert.Equal(3, items.Count);
        Assert.Equal(JushuitanUploadVerdict.Created, items[0].Verdict);
        Assert.Equal("1528134", items[0].OId);
        Assert.Equal(JushuitanUploadVerdict.AlreadyExists, items[1].Verdict);
        Assert.True(items[1].HasOId);
        Assert.Equal(JushuitanUploadVerdict.Refused, items[2].Verdict);
        Assert.False(items[2].HasOId);
        Assert.Throws<ErpProtocolException>(() => JushuitanUploadResult.Parse(JushuitanResponse.Parse("""{"code":0,"data":{}}""")));
    }

    [Fact]
    public void Order_query_maps_so_id_to_the_erp_order()
    {
        var refs = JushuitanOrderQuery.ParseRefs(JushuitanResponse.Parse(
            """{"code":0,"data":{"page_index":1,"has_next":false,"orders":[{"o_id":1528134,"so_id":"6921234567890123","status":"WaitConfirm"}]}}"""));

        Assert.Equal(new ErpOrderRef("1528134", "1528134", "WaitConfirm", "6921234567890123"), refs["6921234567890123"]);
        Assert.Contains("\"so_ids\":[\"6921234567890123\"]", JushuitanOrderQuery.BySoIdsBiz(["6921234567890123"], "10001"), StringComparison.Ordinal);
    }

    [Fact]
    public void Order_query_asks_for_a_page_of_several_so_ids_and_reads_has_next()
    {
        var biz = JushuitanOrderQuery.BySoIdsBiz(["DY-1", "DY-2"], "10001", pageIndex: 2);

        Assert.Equal("""{"shop_id":10001,"so_ids":["DY-1","DY-2"],"page_index":2,"page_size":30}""", biz);
        Assert.True(JushuitanOrderQuery.HasNextPage(JushuitanResponse.Parse("""{"code":0,"data":{"has_next":true,"orders":[]}}""")));
        Assert.False(JushuitanOrderQuery.HasNextPage(JushuitanResponse.Parse("""{"code":0,"data":{"orders":[]}}""")));
    }

    [Fact]
    public void Inventory_available_is_qty_minus_order_and_pick_locks_and_requests_take_at_most_50_skus()
    {
        var page = JushuitanInventoryQuery.Parse(JushuitanResponse.Parse(
            """{"code":0,"data":{"has_next":true,"inventorys":[{"sku_id":"MAT-A","i_id":"A","qty":120,"order_lock":15.5,"pick_lock":4,"virtual_qty":9}]}}"""));
        var biz = JushuitanInventoryQuery.BuildBiz(["MAT-A", "MAT-B"], 2, "7");

        Assert.True(page.HasNext);
        Assert.Equal(100.5m, page.Rows.Single().Available);
        Assert.Equal("""{"sku_ids":"MAT-A,MAT-B","page_index":2,"page_size":50,"wms_co_id":7}""", biz);
        Assert.Throws<ArgumentException>(() => JushuitanInventoryQuery.BuildBiz(Enumerable.Range(0, 51).Select(i => $"S{i}").ToList(), 1));
    }
}
