using NotifyHub.Host;

namespace NotifyHub.Host.Tests.Cli;

/// <summary>What <c>notifyhub import</c> prints beside its bar while the server imports: the server's own figures.</summary>
public sealed class Import_progress_line
{
    [Fact]
    public void Shows_rows_per_second_and_time_left_once_the_server_knows_them()
    {
        var running = new ImportCommand.ImportState("running", 12_000, 11_000, 500, 500, 0, null, 2_400.4, 0.3, 125);

        ImportCommand.Describe(running).ShouldBe("Importing: 12,000 rows, 2,400 rows/s, about 2 min 05 s left");
    }

    [Fact]
    public void Shows_only_the_rows_before_the_first_batch_commits()
    {
        var starting = new ImportCommand.ImportState("running", 0, 0, 0, 0, 0, null);

        ImportCommand.Describe(starting).ShouldBe("Importing: 0 rows");
    }

    [Theory]
    [InlineData(0.2, "1 s")]
    [InlineData(59, "59 s")]
    [InlineData(3_725, "1 h 02 min")]
    public void Says_the_time_left_in_the_largest_sensible_units(double seconds, string expected) =>
        ImportCommand.TimeLeft(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
