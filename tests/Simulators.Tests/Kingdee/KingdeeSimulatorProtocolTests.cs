namespace ServerlessSync.Simulators.Tests.Kingdee;

public sealed class KingdeeSimulatorProtocolTests
{
    private static int MsgCode(JsonNode? answer) => answer!["Result"]!["ResponseStatus"]!["MsgCode"]!.GetValue<int>();

    private static bool IsSuccess(JsonNode? answer) => answer!["Result"]!["ResponseStatus"]!["IsSuccess"]!.GetValue<bool>();

    [Fact]
    public async Task Login_with_a_valid_sign_returns_a_session_body_field_and_cookie()
    {
        await using var sim = await KingdeeSimHost.StartAsync();

        using var response = await sim.LoginRawAsync("sim-acct", "sim-user", "sim-app_0123456789abcdef0123456789abcdef", "sim-app-secret");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, body["LoginResultType"]!.GetValue<int>());
        var sessionId = body["KDSVCSessionId"]!.GetValue<string>();
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kdservice-sessionid=" + sessionId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_with_a_wrong_secret_is_refused_and_an_unknown_account_gets_a_non_200()
    {
        await using var sim = await KingdeeSimHost.StartAsync();

        using var wrongSecret = await sim.LoginRawAsync("sim-acct", "sim-user", "sim-app_0123456789abcdef0123456789abcdef", "wrong");
        using var wrongAccount = await sim.LoginRawAsync("other-acct", "sim-user", "sim-app_0123456789abcdef0123456789abcdef", "sim-app-secret");

        var body = JsonNode.Parse(await wrongSecret.Content.ReadAsStringAsync())!;
        Assert.Equal(0, body["LoginResultType"]!.GetValue<int>());
        Assert.Null(body["KDSVCSessionId"]);
        Assert.Equal("会话信息已丢失，请重新登录", body["Message"]!.GetValue<string>());
        Assert.False(wrongSecret.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.InternalServerError, wrongAccount.StatusCode);
    }

    [Fact]
    public async Task Calls_without_a_session_answer_context_lost_with_http_200()
    {
        await using var sim = await KingdeeSimHost.StartAsync();

        var (saveStatus, save) = await sim.CallAsync(KingdeeServices.Save, KingdeeSimHost.SaveBody("NO-SESSION"));
        var (queryStatus, query) = await sim.CallAsync(KingdeeServices.ExecuteBillQuery, KingdeeSaleOrderQueries.ByExternalOrderNo("x").ToBody());

        Assert.Equal(200, saveStatus);
        Assert.Equal(1, MsgCode(save));
        Assert.Equal("会话信息已丢失，请重新登录", save!["Result"]!["ResponseStatus"]!["Errors"]![0]!["Message"]!.GetValue<string>());
        Assert.Equal(200, queryStatus);
        Assert.Equal(1, MsgCode(query!.AsArray()[0]!.AsArray()[0]));
        Assert.Empty(sim.State.Bills);
    }

    [Fact]
    public async Task Session_cookie_alone_is_accepted()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, KingdeeSimHost.Path(KingdeeServices.Save)) { Content = new StringContent(KingdeeSimHost.SaveBody("COOKIE-1")) };
        request.Headers.Add("Cookie", "kdservice-sessionid=" + sim.SessionId);
        using var response = await sim.Http.SendAsync(request);

        Assert.True(IsSuccess(JsonNode.Parse(await response.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task Save_submit_audit_takes_the_bill_from_A_to_C()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();

        var save = await sim.SaveAsync("DY-1001");
        var number = save["Result"]!["Number"]!.GetValue<string>();
        var statusAfterSave = sim.State.Bills.Single().Status;
        var (_, submit) = await sim.CallAsync(KingdeeServices.Submit, KingdeeOperationRequest.Submit("SAL_SaleOrder", [number]));
        var statusAfterSubmit = sim.State.Bills.Single().Status;
        var (_, audit) = await sim.CallAsync(KingdeeServices.Audit, KingdeeOperationRequest.Audit("SAL_SaleOrder", [number]));
        var (_, query) = await sim.CallAsync(KingdeeServices.ExecuteBillQuery, KingdeeSaleOrderQueries.ByExternalOrderNo("DY-1001").ToBody());

        Assert.Matches("^XSDD[0-9]{6,}$", number);
        Assert.Equal(number, save["Result"]!["NeedReturnData"]![0]!["FBillNo"]!.GetValue<string>());
        Assert.Equal("A", statusAfterSave);
        Assert.True(IsSuccess(submit));
        Assert.Equal("B", statusAfterSubmit);
        Assert.True(IsSuccess(audit));
        var row = query!.AsArray().Single()!.AsArray();
        Assert.Equal(sim.State.Bills.Single().Id, row[0]!.GetValue<long>());
        Assert.Equal(number, row[1]!.GetValue<string>());
        Assert.Equal("C", row[2]!.GetValue<string>());
    }

    [Fact]
    public async Task Audit_before_submit_and_submit_of_unknown_bill_are_business_errors()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();
        var number = (await sim.SaveAsync("DY-1002"))["Result"]!["Number"]!.GetValue<string>();

        var (_, audit) = await sim.CallAsync(KingdeeServices.Audit, KingdeeOperationRequest.Audit("SAL_SaleOrder", [number]));
        var (_, submit) = await sim.CallAsync(KingdeeServices.Submit, KingdeeOperationRequest.Submit("SAL_SaleOrder", ["XSDD999999"]));

        Assert.False(IsSuccess(audit));
        Assert.Equal(11, MsgCode(audit));
        Assert.Equal(10, MsgCode(submit));
        Assert.Equal("A", sim.State.Bills.Single().Status);
    }

    [Fact]
    public async Task Save_validates_materials_customer_and_platform_order_number()
    {
        await using var sim = await KingdeeSimHost.StartAsync(o => o.ExtraMaterials.Add("MAT-EXTRA-1"));
        await sim.LoginAsync();

        var unknownMaterial = await sim.SaveAsync("DY-2001", material: "MAT-NOPE");
        var noCustomer = await sim.SaveAsync("DY-2002", customer: "");
        var noNetOrder = await sim.SaveAsync("");
        var extraMaterial = await sim.SaveAsync("DY-2003", material: "MAT-EXTRA-1");

        Assert.Equal(11, MsgCode(unknownMaterial));
        Assert.Equal("FMaterialId", unknownMaterial["Result"]!["ResponseStatus"]!["Errors"]![0]!["FieldName"]!.GetValue<string>());
        Assert.Contains("MAT-NOPE", unknownMaterial.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Equal(11, MsgCode(noCustomer));
        Assert.Equal(11, MsgCode(noNetOrder));
        Assert.True(IsSuccess(extraMaterial));
        Assert.Single(sim.State.Bills);
    }

    [Fact]
    public async Task Sdk_envelopes_are_accepted_for_save_and_query()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();

        var sdkSave = new JsonObject { ["formid"] = "SAL_SaleOrder", ["data"] = KingdeeSimHost.SaveData("DY-SDK-1") }.ToJsonString();
        var (_, save) = await sim.CallAsync(KingdeeServices.Save, sdkSave);
        var sdkQuery = new JsonObject
        {
            ["data"] = new JsonObject { ["FormId"] = "SAL_SaleOrder", ["FieldKeys"] = "FBillNo,FNetOrderBillNo", ["FilterString"] = "FNetOrderBillNo='DY-SDK-1'" },
        }.ToJsonString();
        var (_, query) = await sim.CallAsync(KingdeeServices.ExecuteBillQuery, sdkQuery);

        Assert.True(IsSuccess(save));
        Assert.Equal("DY-SDK-1", query!.AsArray().Single()![1]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_errors_come_wrapped_in_the_array()
    {
        await using var sim = await KingdeeSimHost.StartAsync();
        await sim.LoginAsync();

        var unknownField = new KingdeeBillQuery("SAL_SaleOrder", ["FNope"], "").ToBody();
        var (_, answer) = await sim.CallAsync(KingdeeServices.ExecuteBillQuery, unknownField);

        Assert.Equal(9, MsgCode(answer!.AsArray()[0]!.AsArray()[0]));
    }
}
