using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/NotifyHub.Benchmarks -- --filter '*FieldEncryption*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
