using System.Text;

namespace NotifyHub.Notifications.Templates;

/// <summary>A <see cref="StringWriter"/> that stops the render as soon as the output passes <paramref name="maxChars"/>.</summary>
internal sealed class BoundedWriter(int maxChars) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        base.Write(buffer, index, count);
        Check();
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        base.Write(buffer);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(StringBuilder? value)
    {
        base.Write(value);
        Check();
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(StringBuilder? value, CancellationToken cancellationToken = default)
    {
        Write(value);
        return Task.CompletedTask;
    }

    private void Check()
    {
        if (GetStringBuilder().Length > maxChars)
        {
            throw new TemplateLimitException(
                $"The template renders more than {maxChars} characters (NotifyHub:Notifications:TemplateMaxOutputChars).");
        }
    }
}
