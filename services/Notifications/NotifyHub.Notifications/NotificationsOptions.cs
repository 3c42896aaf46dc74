using System.ComponentModel.DataAnnotations;

namespace NotifyHub.Notifications;

/// <summary>Bound from <c>NotifyHub:Notifications</c>: what every message of this deployment shares, and how delivery paces itself.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "NotifyHub:Notifications";

    /// <summary>The <c>helpline</c> template variable: the call centre's number or address, printed as given.</summary>
    [MaxLength(200)]
    public string Helpline { get; set; } = "";

    /// <summary>Liquid statements one render may execute (Fluid's MaxSteps): bounds the CPU a template takes per person.</summary>
    [Range(1000, 100_000_000)]
    public int TemplateMaxSteps { get; set; } = 100_000;

    /// <summary>Characters one rendered part (subject, body, text) may have: bounds memory and message size.</summary>
    [Range(1000, 100_000_000)]
    public int TemplateMaxOutputChars { get; set; } = 500_000;

    /// <summary>Messages per second per channel across all workers (0 = unlimited): <c>Throttle:Email</c>, <c>:Sms</c>, <c>:Letter</c>.</summary>
    public ThrottleOptions Throttle { get; set; } = new();

    /// <summary>SMS are not sent between these local times of the recipient (time zone from their country).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);

    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>Sends of one notification before a transient fault counts as a failure.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Backoff after the first transient fault; doubles on each later one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a worker owns a notification it has claimed. A worker that dies mid-send (SIGKILL) leaves it
    /// "sending"; after this an SMS is sent again by any worker, and an email, which was claimed only at SMTP's point
    /// of no return, is recorded sent.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Emails and SMS named in one delivery message, which a worker takes as a batch: their notifications, projections
    /// and suppressions are read in one go, then each is claimed, sent and recorded on its own.
    /// </summary>
    [Range(1, 500)]
    public int DeliveryBatchSize { get; set; } = 50;

    /// <summary>
    /// A delivery batch that failed all the bus's retries hands its still-queued notifications to the scheduler, due
    /// after this pause: long enough for a passing outage to pass, short against a breach notice's deadline.
    /// </summary>
    public TimeSpan FailedBatchPause { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the scheduler looks for due retries, expired leases, letters to batch and finished campaigns.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A partial letter batch is printed once its oldest letter has waited this long.</summary>
    public TimeSpan LetterBatchWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a batch waits for intake to seal its projections (<c>SealProjections</c>) before it fails and is
    /// retried like any failed batch: intake must run somewhere on the bus for notifications to send.
    /// </summary>
    public TimeSpan ProjectionRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class ThrottleOptions
{
    [Range(0, 100_000)]
    public double Email { get; set; }

    [Range(0, 100_000)]
    public double Sms { get; set; }

    [Range(0, 100_000)]
    public double Letter { get; set; }
}
