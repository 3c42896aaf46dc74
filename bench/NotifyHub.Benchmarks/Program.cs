using BenchmarkDotNet.Running;
using NotifyHub.Benchmarks.Notifications;

namespace NotifyHub.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- --filter '*FieldEncryption*' --job short</c>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- email-campaign --people 100000</c>
/// Not top-level statements: the runner references the host (through the test fixtures), whose Program would clash.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["email-campaign", ..])
        {
            return await EmailCampaignBenchmark.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
