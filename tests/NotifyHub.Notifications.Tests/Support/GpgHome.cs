using System.Diagnostics;

namespace NotifyHub.Notifications.Tests.Support;

/// <summary>
/// The print house's side with the real <c>gpg</c>: a temp GNUPGHOME holding its RSA key pair (an encryption subkey, as
/// print houses issue), the armored public key it gives us, and <c>gpg --decrypt</c> for what we send.
/// </summary>
public sealed class GpgHome : IDisposable
{
    private GpgHome(string folder) => Folder = folder;

    public string Folder { get; }

    public string PublicKey { get; private set; } = "";

    public static async Task<GpgHome> CreateAsync()
    {
        var home = new GpgHome(Directory.CreateTempSubdirectory("notifyhub-gpg-").FullName);
        await home.RunAsync(null, "--quick-gen-key", "Print House <print@example.test>", "rsa2048", "cert", "never");
        var fingerprint = (await home.RunAsync(null, "--list-keys", "--with-colons")).Split('\n')
            .First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        await home.RunAsync(null, "--quick-add-key", fingerprint, "rsa2048", "encr", "never");
        home.PublicKey = await home.RunAsync(null, "--armor", "--export", fingerprint);
        return home;
    }

    public async Task<byte[]> DecryptAsync(byte[] encrypted)
    {
        var input = Path.Combine(Folder, $"{Guid.NewGuid():N}.gpg");
        var output = input + ".out";
        await File.WriteAllBytesAsync(input, encrypted);
        await RunAsync(null, "--decrypt", "--output", output, input);
        return await File.ReadAllBytesAsync(output);
    }

    private async Task<string> RunAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("gpg") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        start.Environment["GNUPGHOME"] = Folder;
        foreach (var arg in new[] { "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", "" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var gpg = Process.Start(start)!;
        var output = gpg.StandardOutput.ReadToEndAsync();
        var error = gpg.StandardError.ReadToEndAsync();
        await gpg.WaitForExitAsync();
        return gpg.ExitCode == 0 ? await output : throw new InvalidOperationException($"gpg {string.Join(' ', args)} failed: {await error}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // gpg-agent may still hold its socket; the temp folder is cleaned by the system
        }
    }
}
