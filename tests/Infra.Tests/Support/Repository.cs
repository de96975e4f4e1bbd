namespace ServerlessSync.Infra.Tests.Support;

public static class Repository
{
    public static string Root => ServerlessSync.TestSupport.Azurite.RepositoryRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string Bicep => Path.Combine(Infra, "bicep");

    public static string Monitoring => Path.Combine(Infra, "monitoring");

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
