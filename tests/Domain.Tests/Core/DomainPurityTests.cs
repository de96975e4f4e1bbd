namespace ServerlessSync.Domain.Tests.Core;

public class DomainPurityTests
{
    [Fact]
    public void Domain_references_no_azure_or_http_assembly()
    {
        string[] forbidden = ["Azure", "Microsoft.Azure", "Microsoft.AspNetCore", "System.Net.Http", "Microsoft.Extensions.Http"];
        var references = typeof(Order).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains("System.Runtime", references); // the reflection sees real references
        var offending = references.Where(n => forbidden.Any(f => n.StartsWith(f, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Empty(offending);
    }
}
