namespace NotifyHub.Testing;

public static class RepositoryPaths
{
    /// <summary>The checkout's root, found by walking up from the test binaries to <c>NotifyHub.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The built host (same configuration as the running tests, which reference it so it is built first).</summary>
    public static string HostDll => Built("NotifyHub.Host", "notifyhub.dll");

    /// <summary>The built gateway (YARP), which NotifyHub.Testing builds before the tests.</summary>
    public static string GatewayDll => Built("NotifyHub.Gateway", "notifyhub-gateway.dll");

    private static string Built(string project, string assembly)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Root, "services", project, "bin", configuration, "net10.0", assembly);
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {project} first: {dll} is missing.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NotifyHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NotifyHub.sln not found above " + AppContext.BaseDirectory);
    }
}
