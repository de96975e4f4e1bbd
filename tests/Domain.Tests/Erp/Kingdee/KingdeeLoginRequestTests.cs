namespace ServerlessSync.Domain.Tests.Erp.Kingdee;

public sealed class KingdeeLoginRequestTests
{
    [Fact]
    public void Sign_is_sha256_hex_of_the_sorted_concatenation()
    {
        // printf '%s' '123456_abcdefABCDEF0123456789abcdef170000000062f1c1b2e1a6b4demos3cr3t' | sha256sum
        var sign = KingdeeLoginRequest.ComputeSign("62f1c1b2e1a6b4", "demo", "123456_abcdefABCDEF0123456789abcdef", "s3cr3t", 1700000000);

        Assert.Equal("71d3d1dddc67f04ab2c745ad563a5693db4ed3eef23447e9f70ed086bf4aa3f6", sign);
    }

    [Fact]
    public void Sign_sorts_ordinally_like_java_not_by_culture()
    {
        // Ordinal: "1700000000" < "Zeta" < "sim-acct" < "sim-app-secret" < "sim-app_..." ('Z' < 's', '-' < '_').
        var sign = KingdeeLoginRequest.ComputeSign("sim-acct", "Zeta", "sim-app_0123456789abcdef0123456789abcdef", "sim-app-secret", 1700000000);

        Assert.Equal("7bfa2ea99c4731fd888df97f195d2de08e09f8fc9e53d0c368a7ef923d40f1ac", sign);
    }

    [Fact]
    public void Body_carries_the_six_parameters_in_documented_order()
    {
        var body = KingdeeLoginRequest.BuildBody(new KingdeeCredentials("acct", "user", "app_x", "secret"), 1700000000);

        var parameters = JsonDocument.Parse(body).RootElement.GetProperty("parameters");
        Assert.Equal(6, parameters.GetArrayLength());
        Assert.Equal("acct", parameters[0].GetString());
        Assert.Equal("user", parameters[1].GetString());
        Assert.Equal("app_x", parameters[2].GetString());
        Assert.Equal(1700000000, parameters[3].GetInt64());
        Assert.Equal(KingdeeLoginRequest.ComputeSign("acct", "user", "app_x", "secret", 1700000000), parameters[4].GetString());
        Assert.Equal(2052, parameters[5].GetInt32());
        Assert.DoesNotContain("secret\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Login_result_parses_success_and_refusal()
    {
        var ok = KingdeeLoginResult.Parse("""{"Message":null,"LoginResultType":1,"KDSVCSessionId":"abc123","IsSuccessByAPI":true}""");
        var refused = KingdeeLoginResult.Parse("""{"Message":"会话信息已丢失，请重新登录","LoginResultType":0,"KDSVCSessionId":null}""");
        var envelope = KingdeeLoginResult.Parse("""{"Result":{"ResponseStatus":{"IsSuccess":false,"MsgCode":1,"Errors":[{"Message":"会话信息已丢失，请重新登录"}]}}}""");

        Assert.True(ok.IsSuccess);
        Assert.Equal("abc123", ok.SessionId);
        Assert.False(refused.IsSuccess);
        Assert.Equal("会话信息已丢失，请重新登录", refused.Message);
        Assert.False(envelope.IsSuccess);
        Assert.Contains("会话信息已丢失", envelope.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_urls_follow_the_kdsvc_pattern()
    {
        var url = KingdeeServices.Url(new Uri("http://erp.example/k3cloud"), KingdeeServices.Save);

        Assert.Equal("http://erp.example/k3cloud/Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Save.common.kdsvc", url.AbsoluteUri);
    }
}
