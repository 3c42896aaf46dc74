using BenchmarkDotNet.Running;
using NotifyHub.Benchmarks.Intake;

// dotnet run -c Release --project bench/NotifyHub.Benchmarks -- --filter '*FieldEncryption*' --job short
// dotnet run -c Release --project bench/NotifyHub.Benchmarks -- import --rows 1000000 --provider postgresql|sqlite
if (args is ["import", ..])
{
    return await ImportBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
