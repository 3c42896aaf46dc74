using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace NotifyHub.Testing;

/// <summary>
/// A real OpenSSH server (sshd from Debian's openssh-server, which scripts/test.sh installs) on 127.0.0.1 and a free
/// port, run as the current user with its own configuration in a temp folder: a generated ed25519 host key, one
/// authorized client key, SFTP only (internal-sftp, starting in <see cref="Root"/>). Fails when sshd is missing.
/// </summary>
public sealed class SshServer : IAsyncDisposable
{
    private const string Sshd = "/usr/sbin/sshd";
    private readonly string folder;
    private readonly StringBuilder log = new();
    private Process? process;

    private SshServer(string folder, int port, string hostKeySha256)
    {
        this.folder = folder;
        Port = port;
        HostKeySha256 = hostKeySha256;
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public string User { get; } = Environment.UserName;

    /// <summary>The folder SFTP paths are relative to (the print house's side, readable directly by the test).</summary>
    public string Root => Path.Combine(folder, "sftp");

    /// <summary>The private key the server authorizes (our side's credential).</summary>
    public string ClientKeyPath => Path.Combine(folder, "client_key");

    /// <summary>As <c>ssh-keygen -lf</c> prints it: <c>SHA256:…</c>.</summary>
    public string HostKeySha256 { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static async Task<SshServer> StartAsync()
    {
        if (!File.Exists(Sshd))
        {
            throw new InvalidOperationException($"{Sshd} is missing: run the tests through scripts/test.sh, which installs openssh-server.");
        }

        var folder = Directory.CreateTempSubdirectory("notifyhub-sshd-").FullName;
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(folder, "host_key"));
        await RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(folder, "client_key"));
        File.Copy(Path.Combine(folder, "client_key.pub"), Path.Combine(folder, "authorized_keys"));
        var fingerprint = (await RunAsync("ssh-keygen", "-lf", Path.Combine(folder, "host_key.pub"), "-E", "sha256")).Split(' ')[1];
        Directory.CreateDirectory(Path.Combine(folder, "sftp"));
        var port = FreePort.Next();
        await File.WriteAllTextAsync(Path.Combine(folder, "sshd_config"), string.Join('\n',
            $"Port {port.ToString(CultureInfo.InvariantCulture)}",
            "ListenAddress 127.0.0.1",
            $"HostKey {folder}/host_key",
            $"PidFile {folder}/sshd.pid",
            $"AuthorizedKeysFile {folder}/authorized_keys",
            "UsePAM no",
            "StrictModes no",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password",
            $"Subsystem sftp internal-sftp -d {folder}/sftp",
            "LogLevel VERBOSE",
            ""));
        if (Environment.UserName == "root")
        {
            Directory.CreateDirectory("/run/sshd"); // privilege separation, when run as root
        }

        var server = new SshServer(folder, port, fingerprint);
        await server.RestartAsync();
        return server;
    }

    /// <summary>(Re)starts sshd on the same port, keys and folder.</summary>
    public async Task RestartAsync()
    {
        Stop();
        var start = new ProcessStartInfo(Sshd) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-D", "-e", "-f", Path.Combine(folder, "sshd_config") })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("sshd did not start.");
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(Host, Port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20) && !process.HasExited)
            {
                await Task.Delay(50);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"sshd did not listen on {Host}:{Port}: {Log}", e);
            }
        }
    }

    /// <summary>Kills sshd and every session it serves: connections drop mid-transfer.</summary>
    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp folder is cleaned by the system
        }

        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var run = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = await run.StandardOutput.ReadToEndAsync();
        var error = await run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        return run.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error}");
    }
}
