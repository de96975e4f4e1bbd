using System.Xml.Linq;

namespace ServerlessSync.Simulators.Tests;

/// <summary>
/// The simulators stand in for the platforms and ERPs, so they must not share the hub's protocol code: a bug in the hub's
/// signer, crypto or parser would then be mirrored by the simulator instead of caught.
/// </summary>
public sealed class SimulatorIndependenceTests
{
    [Fact]
    public void The_simulator_assembly_references_no_assembly_of_the_hub()
    {
        var hubAssemblies = typeof(SimulatorHost).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("ServerlessSync.", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(hubAssemblies);
    }

    [Fact]
    public void The_simulator_project_has_no_project_reference_into_src()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "tools", "Simulators", "ServerlessSync.Simulators.csproj"));

        var references = project.Descendants("ProjectReference").Select(r => (string?)r.Attribute("Include")).ToList();

        Assert.Empty(references);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ServerlessSync.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No ServerlessSync.sln above {AppContext.BaseDirectory}.");
    }
}
