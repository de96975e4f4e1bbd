namespace ServerlessSync.Domain.Tests.Erp.Kingdee;

public sealed class KingdeeResponseParserTests
{
    private static string Status(string isSuccess, int msgCode, string errors = "[]") =>
        $$$"""{"Result":{"ResponseStatus":{"ErrorCode":500,"IsSuccess":{{{isSuccess}}},"MsgCode":{{{msgCode}}},"Errors":{{{errors}}},"SuccessEntitys":[],"SuccessMessages":[]},"Id":"","Number":"","NeedReturnData":[]}}""";

    [Fact]
    public void Save_success_yields_id_and_number()
    {
        var response = KingdeeResponseParser.ParseWrite("""
            {"Result": {"ResponseStatus": {"IsSuccess": true, "Errors": [], "MsgCode": 0,
              "SuccessEntitys": [{"Id": 100123, "Number": "XSDD000123", "DIndex": 0}], "SuccessMessages": []},
              "Id": 100123, "Number": "XSDD000123", "NeedReturnData": [{"FBillNo": "XSDD000123"}]}}
            """);

        Assert.Equal(KingdeeAnswerKind.Success, response.Kind);
        Assert.Equal("XSDD000123", response.BillNumber);
        Assert.Equal("100123", response.BillId);
    }

    [Fact]
    public void Number_falls_back_to_success_entities()
    {
        var response = KingdeeResponseParser.ParseWrite("""
            {"Result":{"ResponseStatus":{"IsSuccess":"true","SuccessEntitys":[{"Id":"7","Number":"XSDD000007","DIndex":0}]}}}
            """);

        Assert.Equal(KingdeeAnswerKind.Success, response.Kind);
        Assert.Equal("XSDD000007", response.BillNumber);
        Assert.Equal("7", response.BillId);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("\"false\"")]
    [InlineData("\"False\"")]
    public void IsSuccess_false_is_read_as_bool_or_string(string isSuccess)
    {
        var response = KingdeeResponseParser.ParseWrite(Status(isSuccess, 11, """[{"FieldName":"FMaterialId","Message":"物料编码 SKU-X 不存在","DIndex":0}]"""));

        Assert.False(response.Status.IsSuccess);
        Assert.Equal(KingdeeAnswerKind.Rejected, response.Kind);
    }

    [Theory]
    [InlineData(1, KingdeeAnswerKind.SessionLost)]
    [InlineData(14, KingdeeAnswerKind.Throttled)]
    [InlineData(13, KingdeeAnswerKind.Transient)]
    [InlineData(6, KingdeeAnswerKind.Transient)]
    [InlineData(11, KingdeeAnswerKind.Rejected)]
    [InlineData(9, KingdeeAnswerKind.Rejected)]
    [InlineData(8, KingdeeAnswerKind.Rejected)]
    [InlineData(10, KingdeeAnswerKind.Rejected)]
    [InlineData(12, KingdeeAnswerKind.Rejected)]
    public void MsgCodes_are_classified(int msgCode, KingdeeAnswerKind expected)
    {
        Assert.Equal(expected, KingdeeResponseParser.ParseWrite(Status("false", msgCode)).Kind);
    }

    [Fact]
    public void Context_lost_text_without_msgcode_is_a_lost_session()
    {
        var response = KingdeeResponseParser.ParseWrite(Status("false", 0, """[{"FieldName":null,"Message":"会话信息已丢失，请重新登录","DIndex":0}]"""));

        Assert.Equal(KingdeeAnswerKind.SessionLost, response.Kind);
    }

    [Fact]
    public void Rejection_joins_the_error_messages()
    {
        var response = KingdeeResponseParser.ParseWrite(Status("false", 11,
            """[{"FieldName":"FMaterialId","Message":"物料编码 SKU-X 不存在","DIndex":0},{"FieldName":"","Message":"客户未审核","DIndex":0}]"""));

        Assert.Equal("FMaterialId: 物料编码 SKU-X 不存在; 客户未审核", response.Status.ErrorText());
    }

    [Fact]
    public void Bill_query_bare_array_keeps_cells_exact()
    {
        var response = KingdeeResponseParser.ParseQuery("""[[100123,"XSDD000123","C"],["9007199254740993","XSDD000124","A"]]""");

        Assert.True(response.IsSuccess);
        Assert.Equal(2, response.Rows.Count);
        Assert.Equal(["100123", "XSDD000123", "C"], response.Rows[0]);
        Assert.Equal("9007199254740993", response.Rows[1][0]);
    }

    [Fact]
    public void Bill_query_error_arrives_wrapped_in_the_array()
    {
        var response = KingdeeResponseParser.ParseQuery("""
            [[{"Result":{"ResponseStatus":{"ErrorCode":500,"IsSuccess":false,"Errors":[{"FieldName":null,"Message":"会话信息已丢失，请重新登录","DIndex":0}],"SuccessEntitys":[],"SuccessMessages":[],"MsgCode":1}}}]]
            """);

        Assert.False(response.IsSuccess);
        Assert.Equal(KingdeeAnswerKind.SessionLost, response.Kind);
    }

    [Fact]
    public void Bill_query_error_as_plain_object_and_empty_result_are_handled()
    {
        Assert.Equal(KingdeeAnswerKind.Throttled, KingdeeResponseParser.ParseQuery(Status("false", 14)).Kind);
        Assert.Empty(KingdeeResponseParser.ParseQuery("[]").Rows);
    }

    [Fact]
    public void Malformed_answers_are_protocol_errors()
    {
        Assert.Throws<ErpProtocolException>(() => KingdeeResponseParser.ParseWrite("<html>Server Error</html>"));
        Assert.Throws<ErpProtocolException>(() => KingdeeResponseParser.ParseWrite("""{"Result":{}}"""));
        Assert.Throws<ErpProtocolException>(() => KingdeeResponseParser.ParseQuery("""["not-a-row"]"""));
    }
}
