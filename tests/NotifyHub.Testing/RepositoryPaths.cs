namespace NotifyHub.Testing;

public static class RepositoryPaths
{
    /// <summary>The checkout's root, found by walking up from the test binaries to <c>NotifyHub.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The built host (same configuration as the running tests, which reference it so it is built first).</summary>
    public static string HostDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
                StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(Root, "services", "NotifyHub.Host", "bin", configuration, "net10.0", "notifyhub.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the host first: {dll} is missing.");
        }
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
