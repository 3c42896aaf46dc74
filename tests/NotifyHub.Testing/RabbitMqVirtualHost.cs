using System.Diagnostics;

namespace NotifyHub.Testing;

/// <summary>A fresh virtual host on the test broker, so tests never see each other's queues.</summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private RabbitMqVirtualHost(string name)
    {
        Name = name;
        var uri = new UriBuilder(TestServers.RabbitMq) { Path = "/" + name };
        ConnectionString = uri.Uri.ToString();
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<RabbitMqVirtualHost> CreateAsync()
    {
        var name = $"nh-{Guid.NewGuid():N}"[..16];
        await CtlAsync($"add_vhost {name}");
        await CtlAsync($"set_permissions -p {name} guest \".*\" \".*\" \".*\"");
        return new RabbitMqVirtualHost(name);
    }

    /// <summary>Messages waiting in a queue of this vhost (0 when the queue does not exist).</summary>
    public async Task<int> MessageCountAsync(string queue) => (await MessageCountsAsync()).GetValueOrDefault(queue);

    /// <summary>Messages waiting or being handled in all the queues of this vhost.</summary>
    public async Task<long> QueuedMessagesAsync() => (await MessageCountsAsync()).Values.Sum(count => (long)count);

    /// <summary>Messages (ready and unacknowledged) per queue of this vhost.</summary>
    private async Task<Dictionary<string, int>> MessageCountsAsync()
    {
        var listing = await CtlAsync($"list_queues -p {Name} --quiet --no-table-headers name messages");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2)
            {
                counts[parts[0]] = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return counts;
    }

    public async Task<IReadOnlyList<string>> QueuesAsync()
    {
        var listing = await CtlAsync($"list_queues -p {Name} --quiet --no-table-headers name");
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public async ValueTask DisposeAsync() => await CtlAsync($"delete_vhost {Name}");

    public static async Task<string> CtlAsync(string arguments)
    {
        var ctl = Environment.GetEnvironmentVariable("NOTIFYHUB_TEST_RABBITMQCTL")
            ?? throw new InvalidOperationException("NOTIFYHUB_TEST_RABBITMQCTL is not set: run the tests through scripts/test.sh.");
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $"{ctl} {arguments}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"rabbitmqctl {arguments}: {error}");
    }
}
