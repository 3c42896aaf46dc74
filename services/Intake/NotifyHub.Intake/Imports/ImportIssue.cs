using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NotifyHub.Intake.Imports;

/// <summary>
/// A warning or a rejection of one line of an import, served as the errors CSV. The message says what is wrong
/// and how to fix it, never what the value was: the value is personal data.
/// </summary>
public sealed class ImportIssue
{
    public long Id { get; init; }

    public Guid ImportId { get; init; }

    public long Line { get; init; }

    /// <summary>The column's name from the header (empty when the problem is the whole line).</summary>
    public required string Column { get; init; }

    public required string Code { get; init; }

    public required string Message { get; init; }

    internal sealed class Configuration : IEntityTypeConfiguration<ImportIssue>
    {
        public void Configure(EntityTypeBuilder<ImportIssue> issue)
        {
            issue.ToTable("import_issues");
            issue.HasKey(i => i.Id);
            issue.Property(i => i.Id).ValueGeneratedOnAdd();
            issue.HasIndex(i => new { i.ImportId, i.Line });
            issue.Property(i => i.Column).HasMaxLength(100);
            issue.Property(i => i.Code).HasMaxLength(50);
            issue.Property(i => i.Message).HasMaxLength(300);
        }
    }
}
