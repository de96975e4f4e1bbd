using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Http.Access;

namespace ServerlessSync.Functions.Tests;

/// <summary>
/// Least privilege on the Functions app: every HTTP function in functions.metadata has a role per method (a new route
/// without one fails here and is refused at run time), a viewer key is refused on every mutating route, and the
/// App Service authentication principal counts only when that authentication is on.
/// </summary>
public sealed class AdminAccessTests
{
    private const string ViewerKey = "viewer-key-0123456789abcdef0123456789";
    private const string OperatorKey = "operator-key-0123456789abcdef012345678";
    private const string AdminKey = "admin-key-0123456789abcdef0123456789ab";

    private static AdminAccessMiddleware Middleware(bool easyAuth = false) =>
        new(new AdminAccess(Options.Create(new AccessOptions { ViewerKey = ViewerKey, OperatorKey = OperatorKey, AdminKey = AdminKey, EasyAuthEnabled = easyAuth })));

    /// <summary>Every (function, method) of an HTTP trigger in the built functions.metadata.</summary>
    private static List<(string Function, string Method)> HttpRoutes() =>
        FunctionsMetadataTests.Functions.Value.Keys
            .Select(name => (name, trigger: FunctionsMetadataTests.Trigger(name)))
            .Where(f => FunctionsMetadataTests.Text(f.trigger, "type") == "httpTrigger")
            .SelectMany(f => FunctionsMetadataTests.Methods(f.trigger).Select(m => (f.name, m.ToUpperInvariant())))
            .ToList();

    private static HttpRequest Request(string method, string? key = null, Action<HttpRequest>? more = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = "/api/test";
        if (key is not null)
        {
            context.Request.Headers[AdminAccess.KeyHeader] = key;
        }

        more?.Invoke(context.Request);
        return context.Request;
    }

    private static string Principal(params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "name",
        role_typ = "roles",
        claims = roles.Select(r => new { typ = "roles", val = r }).Append(new { typ = "name", val = "li.lei@merchant.example" }),
    })));

    [Fact]
    public void Every_http_function_has_a_role_for_each_method_and_every_mutating_method_needs_operator_or_admin()
    {
        var routes = HttpRoutes();
        Assert.True(routes.Count >= 15, $"found only {routes.Count} HTTP routes");
        foreach (var (function, method) in routes.Where(r => !FunctionRoles.Public.Contains(r.Function)))
        {
            var role = FunctionRoles.Required(function, method);
            Assert.True(role is not null, $"{method} {function} has no role in FunctionRoles");
            if (FunctionRoles.IsMutating(method))
            {
                Assert.True(role >= AdminRole.Operator, $"{method} {function} changes something but needs only {role}");
            }
        }

        Assert.Empty(FunctionRoles.Listed.Except(routes.Select(r => r.Function)));
        Assert.Equal([HealthFunction.Name, WebAssetFunction.Name, WebhookFunction.Name], FunctionRoles.Public.Order());
    }

    [Fact]
    public void A_viewer_key_is_refused_on_every_mutating_route_and_an_operator_key_on_every_admin_route()
    {
        var middleware = Middleware();
        var mutating = HttpRoutes().Where(r => FunctionRoles.IsMutating(r.Method) && !FunctionRoles.Public.Contains(r.Function)).ToList();
        Assert.Contains((QuarantineReleaseFunction.Name, "POST"), mutating);
        Assert.Contains((ProfileFunction.Name, "PUT"), mutating);
        Assert.Contains((ResyncOrderFunction.Name, "POST"), mutating);

        foreach (var (function, method) in mutating)
        {
            Assert.Equal((403, function), (middleware.Check(function, Request(method, ViewerKey))?.StatusCode, function));
            Assert.Equal((401, function), (middleware.Check(function, Request(method))?.StatusCode, function));
            Assert.Equal((401, function), (middleware.Check(function, Request(method, "a-host-key-the-app-does-not-know-0123456"))?.StatusCode, function));
            Assert.Null(middleware.Check(function, Request(method, AdminKey)));
            var operatorAnswer = middleware.Check(function, Request(method, OperatorKey));
            Assert.Equal(FunctionRoles.Required(function, method) == AdminRole.Admin ? 403 : null, operatorAnswer?.StatusCode);
        }

        Assert.Contains("operator", middleware.Check(QuarantineReleaseFunction.Name, Request("POST", ViewerKey))!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_works_with_a_viewer_key_alone_also_as_code_in_the_url()
    {
        var middleware = Middleware();
        foreach (var function in new[] { DashboardPageFunction.Name, StatsSummaryFunction.Name, ConsolePageFunction.Name, GetOrderFunction.Name, QuarantineListFunction.Name, RecentAlertsFunction.Name })
        {
            Assert.Null(middleware.Check(function, Request("GET", ViewerKey)));
            Assert.Null(middleware.Check(function, Request("GET", more: r => r.QueryString = new QueryString("?code=" + ViewerKey))));
        }

        Assert.Equal(403, middleware.Check(AuditTrailFunction.Name, Request("GET", ViewerKey))!.StatusCode);
        Assert.Equal(403, middleware.Check(ReconciliationFunction.Name, Request("GET", ViewerKey))!.StatusCode);
        Assert.Equal(403, middleware.Check("SomeNewFunction", Request("GET", AdminKey))!.StatusCode); // unlisted: nobody
    }

    [Fact]
    public void The_principal_headers_count_only_when_app_service_authentication_is_on()
    {
        var off = Middleware(easyAuth: false);
        var on = Middleware(easyAuth: true);
        void Spoofed(HttpRequest r)
        {
            r.Headers[EasyAuthPrincipal.PrincipalHeader] = Principal("admin");
            r.Headers[EasyAuthPrincipal.NameHeader] = "boss@merchant.example";
        }

        Assert.Equal(401, off.Check(ProfileFunction.Name, Request("PUT", more: Spoofed))!.StatusCode);
        Assert.Equal(403, off.Check(ProfileFunction.Name, Request("PUT", ViewerKey, Spoofed))!.StatusCode);
        Assert.Equal(401, off.Check(DashboardPageFunction.Name, Request("GET", more: r => r.Headers[EasyAuthPrincipal.NameHeader] = "anyone"))!.StatusCode);

        var request = Request("PUT", more: Spoofed);
        Assert.Null(on.Check(ProfileFunction.Name, request));
        Assert.Equal(new AdminCaller("entra:boss@merchant.example", AdminRole.Admin), AdminAccess.CallerOf(request));
        Assert.Equal(403, on.Check(QuarantineReleaseFunction.Name, Request("POST", more: r => r.Headers[EasyAuthPrincipal.PrincipalHeader] = Principal("Viewer")))!.StatusCode);
        Assert.Null(on.Check(QuarantineReleaseFunction.Name, Request("POST", more: r => r.Headers[EasyAuthPrincipal.PrincipalHeader] = Principal("viewer", "operator"))));
        Assert.Equal(401, on.Check(DashboardPageFunction.Name, Request("GET", more: r => r.Headers[EasyAuthPrincipal.PrincipalHeader] = Principal("some-other-app-role")))!.StatusCode);
        Assert.Equal(401, on.Check(DashboardPageFunction.Name, Request("GET", more: r => r.Headers[EasyAuthPrincipal.PrincipalHeader] = "not base64 json"))!.StatusCode);
        Assert.Null(on.Check(QuarantineReleaseFunction.Name, Request("POST", OperatorKey))); // machine callers keep their keys
    }

    [Fact]
    public async Task The_middleware_answers_the_refusal_and_never_runs_the_function_and_lets_an_allowed_caller_through()
    {
        var middleware = Middleware();
        var refused = new InvocationContext(QuarantineReleaseFunction.Name, Request("POST", ViewerKey));
        var ran = false;

        await middleware.Invoke(refused, _ => { ran = true; return Task.CompletedTask; });

        Assert.False(ran);
        Assert.Equal(403, refused.Http.Response.StatusCode);
        Assert.Equal("DENY", refused.Http.Response.Headers["X-Frame-Options"]);
        refused.Http.Response.Body.Position = 0;
        Assert.Contains("operator", await new StreamReader(refused.Http.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);

        var allowed = new InvocationContext(QuarantineReleaseFunction.Name, Request("POST", OperatorKey));
        await middleware.Invoke(allowed, _ => { ran = true; return Task.CompletedTask; });
        Assert.True(ran);
        Assert.Equal("key:operator", AdminAccess.CallerOf(allowed.Http.Request).Actor);

        var webhookRan = false;
        await middleware.Invoke(new InvocationContext(WebhookFunction.Name, Request("POST")), _ => { webhookRan = true; return Task.CompletedTask; });
        Assert.True(webhookRan);
    }

    /// <summary>An invocation of an HTTP function as the ASP.NET Core integration presents it: the HttpContext in <c>Items</c>.</summary>
    private sealed class InvocationContext : FunctionContext
    {
        public InvocationContext(string functionName, HttpRequest request)
        {
            Http = request.HttpContext;
            Http.Response.Body = new MemoryStream();
            Http.RequestServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
            FunctionDefinition = new Definition(functionName);
            Items = new Dictionary<object, object> { ["HttpRequestContext"] = Http };
            InstanceServices = Http.RequestServices;
        }

        public HttpContext Http { get; }

        public override string InvocationId { get; } = Guid.NewGuid().ToString();

        public override string FunctionId => FunctionDefinition.Id;

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; }

        public override FunctionDefinition FunctionDefinition { get; }

        public override IDictionary<object, object> Items { get; set; }

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }

    private sealed class Definition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => typeof(FunctionsServices).Assembly.Location;

        public override string EntryPoint => name;

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
