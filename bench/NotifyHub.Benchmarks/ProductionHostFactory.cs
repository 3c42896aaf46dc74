using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NotifyHub.Testing;
using System.Runtime;

namespace NotifyHub.Benchmarks;

/// <summary>
/// The whole host in process, as production runs it. The test factory runs it as Development, which adds what a
/// deployment never has on its request path: the developer exception page and the dependency-injection container's
/// scope validation on every resolution. A deployed host also collects garbage with the server collector (the web
/// SDK's default for the <c>notifyhub</c> executable) and without dynamic PGO (its project file); the benchmark process
/// does the same (its own project file).
/// </summary>
public sealed class ProductionHostFactory(IDictionary<string, string?> settings) : NotifyHubFactory(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(Environments.Production);
    }

    /// <summary>One line for the benchmark's output, so a figure says how it was taken.</summary>
    public string Describe()
    {
        var environment = Services.GetRequiredService<IHostEnvironment>().EnvironmentName;
        var collector = GCSettings.IsServerGC ? "server" : "workstation";
        var pgo = AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var on) && !on ? "off" : "on";
        var largeObjects = AppContext.GetData("System.GC.LOHThreshold") ?? "default";
        return $"host: {environment} environment, {collector} GC, large objects from {largeObjects} bytes, dynamic PGO {pgo}, {Environment.ProcessorCount} cores";
    }
}
