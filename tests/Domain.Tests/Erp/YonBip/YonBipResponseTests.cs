namespace ServerlessSync.Domain.Tests.Erp.YonBip;

public sealed class YonBipResponseTests
{
    [Theory]
    [InlineData("""{"code":"200","message":"操作成功","data":{}}""", YonBipAnswerKind.Success)]
    [InlineData("""{"code":200,"data":null}""", YonBipAnswerKind.Success)]
    [InlineData("""{"code":"100004","data":{"id":1}}""", YonBipAnswerKind.Duplicate)]
    [InlineData("""{"code":"10004","data":{"id":1}}""", YonBipAnswerKind.Duplicate)]
    [InlineData("""{"code":"310036","message":"非法token"}""", YonBipAnswerKind.TokenInvalid)]
    [InlineData("""{"code":"310001"}""", YonBipAnswerKind.TokenInvalid)]
    [InlineData("""{"code":"310032"}""", YonBipAnswerKind.Throttled)]
    [InlineData("""{"code":"310039"}""", YonBipAnswerKind.Throttled)]
    [InlineData("""{"code":"310042"}""", YonBipAnswerKind.Throttled)]
    [InlineData("""{"code":"310046","message":"触发了API级限流"}""", YonBipAnswerKind.Throttled)]
    [InlineData("""{"code":"310043"}""", YonBipAnswerKind.Transient)]
    [InlineData("""{"code":"310504"}""", YonBipAnswerKind.Transient)]
    [InlineData("""{"code":"202"}""", YonBipAnswerKind.Transient)]
    [InlineData("""{"code":"999","message":"服务端逻辑异常"}""", YonBipAnswerKind.Rejected)]
    [InlineData("""{"code":"310008"}""", YonBipAnswerKind.Rejected)]
    [InlineData("非法token", YonBipAnswerKind.TokenInvalid)]
    public void Codes_are_classified_as_text(string body, YonBipAnswerKind expected) =>
        Assert.Equal(expected, YonBipResponse.Parse(body).Kind);

    [Fact]
    public void Save_keeps_a_19_digit_id_exactly_and_a_duplicate_carries_only_the_id()
    {
        var saved = YonBipSaveResult.FromData(YonBipResponse.Parse(
            """{"code":"200","data":{"id":2446326816231680001,"code":"UO-20250618000001","resubmitCheckKey":"OPENAPI_x"}}"""));
        var duplicate = YonBipSaveResult.FromData(YonBipResponse.Parse("""{"code":"100004","message":"重复","data":{"id":2446326816231680001}}"""));

        Assert.Equal("2446326816231680001", saved.Id);
        Assert.Equal("UO-20250618000001", saved.Code);
        Assert.Null(saved.VerifyState);
        Assert.Equal("2446326816231680001", duplicate.Id);
        Assert.Null(duplicate.Code);
        Assert.Throws<ErpProtocolException>(() => YonBipSaveResult.FromData(YonBipResponse.Parse("""{"code":"200","data":{}}""")));
    }

    [Fact]
    public void Batch_with_code_200_and_a_failure_is_not_a_success_and_the_body_keeps_ids_exact()
    {
        var failed = YonBipBatchResult.FromData(YonBipResponse.Parse(
            """{"code":"200","data":{"count":1,"sucessCount":0,"failCount":1,"messages":["单据[UO-1]已提交，不能重复提交"],"infos":[]}}"""));
        var ok = YonBipBatchResult.FromData(YonBipResponse.Parse(
            """{"code":"200","data":{"count":1,"sucessCount":1,"failCount":0,"messages":[],"infos":[{"id":"2446326816231680001","nextStatus":"APPROVING"}]}}"""));

        Assert.False(failed.AllSucceeded);
        Assert.Contains("已提交", failed.ErrorText(), StringComparison.Ordinal);
        Assert.True(ok.AllSucceeded);
        Assert.Equal(YonBipVerifyState.Approving, ok.StateOf("2446326816231680001"));
        Assert.Equal("""{"data":[{"id":2446326816231680001}]}""", YonBipBatchResult.BuildBody(["2446326816231680001"]));
    }

    [Fact]
    public void List_lookup_filters_on_the_define_and_picks_the_most_advanced_order()
    {
        var body = YonBipSaleOrderQueries.ByExternalOrderNoBody("6921234567890123");
        var refs = YonBipSaleOrderQueries.ParseRefs(YonBipResponse.Parse(
            """
            {"code":"200","data":{"pageIndex":1,"pageSize":10,"recordCount":2,"recordList":[
              {"id":2446326816231680001,"code":"UO-1","verifystate":0,"headItem":{"define13":"6921234567890123"}},
              {"id":2446326816231680002,"code":"UO-2","nextStatus":"CONFIRMORDER","headItem.define13":"6921234567890123"}]}}
            """));

        Assert.Contains("\"field\":\"headItem.define13\",\"op\":\"eq\",\"value1\":\"6921234567890123\"", body, StringComparison.Ordinal);
        Assert.Equal(2, refs.Count);
        Assert.Equal(new ErpOrderRef("UO-2", "2446326816231680002", YonBipVerifyState.Approved, "6921234567890123"), YonBipSaleOrderQueries.PickExisting(refs));
        Assert.Equal("6921234567890123", refs[0].ExternalOrderNo);
        Assert.Empty(YonBipSaleOrderQueries.ParseRefs(YonBipResponse.Parse("""{"code":"200","data":{"recordCount":0}}""")));
    }

    [Fact]
    public void Stock_sums_the_bare_array_and_refuses_other_shapes()
    {
        var rows = YonBipResponse.Parse(
            """{"code":"200","data":[{"product":1,"warehouse":"CK001","currentqty":120,"availableqty":100.5},{"product":1,"warehouse":"CK002","currentqty":7}]}""");
        var wrapped = YonBipResponse.Parse("""{"code":"200","data":{"recordList":[]}}""");

        Assert.Equal(107.5m, YonBipStockQuery.SumAvailable(rows));
        Assert.Throws<ErpProtocolException>(() => YonBipStockQuery.SumAvailable(wrapped));
        Assert.Equal("""{"product":"MAT-1","org":"991"}""", YonBipStockQuery.BuildBody("MAT-1", "991"));
    }
}
