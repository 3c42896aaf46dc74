namespace NotifyHub.Testing;

/// <summary>
/// Addresses of the real servers that <c>scripts/test.sh</c> starts. A test that needs one fails when it is
/// missing — it never skips itself green.
/// </summary>
public static class TestServers
{
    public static string PostgreSql => Require("NOTIFYHUB_TEST_POSTGRES");

    public static string RabbitMq => Require("NOTIFYHUB_TEST_RABBITMQ");

    /// <summary>A shell command that restarts the broker (same port and data) and returns when it is ready.</summary>
    public static string RabbitMqRestartCommand => Require("NOTIFYHUB_TEST_RABBITMQ_RESTART");

    public static string SmtpHost => Require("NOTIFYHUB_TEST_SMTP_HOST");

    public static int SmtpPort => int.Parse(Require("NOTIFYHUB_TEST_SMTP_PORT"), System.Globalization.CultureInfo.InvariantCulture);

    public static string SmtpMaildir => Require("NOTIFYHUB_TEST_SMTP_MAILDIR");

    public static string Chromium => Require("NOTIFYHUB_TEST_CHROMIUM");

    private static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: run the tests through scripts/test.sh, which starts the real servers they need.");
}
