using BenchmarkDotNet.Running;
using NotifyHub.Benchmarks.CallCentre;
using NotifyHub.Benchmarks.Intake;
using NotifyHub.Benchmarks.Notifications;

namespace NotifyHub.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- --filter '*FieldEncryption*' --job short</c>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- import --rows 1000000 --provider postgresql|sqlite</c>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- email-campaign --people 100000</c>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- regulator-recompute --runs 50</c>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- callcentre --agents 50,350 --seconds 60</c>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- portal --clients 200 --seconds 60 --people 5000</c>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- dashboard --people 1000000 --imported 20000 --loads 200</c>
/// <c>dotnet run -c Release --project bench/NotifyHub.Benchmarks -- letters --people 2000 [--provider postgresql|sqlite] [--key x509|openpgp]</c>
/// Not top-level statements: the runner references the host (through the test fixtures), whose Program would clash.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args) => args switch
    {
        ["import", ..] => await ImportBenchmark.RunAsync(args[1..]),
        ["email-campaign", ..] => await EmailCampaignBenchmark.RunAsync(args),
        ["regulator-recompute", ..] => await Regulator.ObligationsRecomputeBenchmark.RunAsync(args[1..]),
        ["callcentre", ..] => await CallCentreBenchmark.RunAsync(args[1..]),
        ["portal", ..] => await Portal.PortalStatusBenchmark.RunAsync(args[1..]),
        ["dashboard", ..] => await Console.DashboardBenchmark.RunAsync(args[1..]),
        ["letters", ..] => await Letters.LettersBenchmark.RunAsync(args[1..]),
        _ => RunBenchmarkDotNet(args),
    };

    private static int RunBenchmarkDotNet(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
