using NotifyHub.Privacy.Keys;

namespace NotifyHub.Privacy.Tests.Keys;

public sealed class LocalKeyRingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("notifyhub-keys-").FullName;

    private string KeyFile => Path.Combine(_directory, "keys", "root.key");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Root_key_file_is_created_with_mode_0600()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        var ring = new LocalKeyRing(new LocalKeyRingOptions { DataDirectory = _directory });

        var key = ring.GetRootKey();

        ring.KeyFilePath.ShouldBe(KeyFile);
        File.GetUnixFileMode(KeyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        new FileInfo(KeyFile).Length.ShouldBe(32);
        key.Id.ShouldStartWith("root-");
    }

    [Fact]
    public void The_same_file_gives_the_same_key_in_another_process()
    {
        var first = new LocalKeyRing(new LocalKeyRingOptions { DataDirectory = _directory }).GetRootKey();
        var second = new LocalKeyRing(new LocalKeyRingOptions { DataDirectory = _directory }).GetRootKey();

        second.Id.ShouldBe(first.Id);
    }

    [Fact]
    public void Group_readable_key_file_is_refused_with_one_clear_line()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        new LocalKeyRing(new LocalKeyRingOptions { DataDirectory = _directory }).GetRootKey();
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var error = Should.Throw<RootKeyUnavailableException>(
            () => new LocalKeyRing(new LocalKeyRingOptions { DataDirectory = _directory }).GetRootKey());

        error.Message.ShouldNotContain("\n");
        error.Message.ShouldContain(KeyFile);
        error.Message.ShouldContain("0640");
        error.Message.ShouldContain($"chmod 600 {KeyFile}");
    }

    [Fact]
    public void Wrong_size_key_file_is_refused_with_one_clear_line()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllBytes(KeyFile, new byte[12]);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var error = Should.Throw<RootKeyUnavailableException>(
            () => new LocalKeyRing(new LocalKeyRingOptions { DataDirectory = _directory }).GetRootKey());

        error.Message.ShouldNotContain("\n");
        error.Message.ShouldContain("12 bytes, expected 32");
    }

    [Fact]
    public void Configured_root_key_is_used_and_no_file_is_written()
    {
        var configured = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var ring = new LocalKeyRing(new LocalKeyRingOptions { DataDirectory = _directory, RootKey = configured, RootKeyId = "prod-2024" });

        ring.GetRootKey().Id.ShouldBe("prod-2024");
        File.Exists(KeyFile).ShouldBeFalse();
    }

    [Theory]
    [InlineData("not base64!", "not valid base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==", "16 bytes, expected 32")]
    public void Malformed_configured_root_key_is_refused_with_one_clear_line(string configured, string expected)
    {
        var ring = new LocalKeyRing(new LocalKeyRingOptions { DataDirectory = _directory, RootKey = configured });

        var error = Should.Throw<RootKeyUnavailableException>(() => ring.GetRootKey());

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("openssl rand -base64 32");
        error.Message.ShouldNotContain("\n");
    }
}
