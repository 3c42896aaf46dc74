using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.CallCentre.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CasesAndProjections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: true),
                    Projected = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "callbacks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Code = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CodeHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_callbacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "caller_records",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Projection = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReferenceCodeIndex = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PhoneIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    DateOfBirthIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PostcodeIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_caller_records", x => new { x.VendorId, x.IncidentId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "case_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_reads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_reads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "escalations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<byte[]>(type: "BLOB", nullable: false),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DefaultLanguage = table.Column<string>(type: "TEXT", maxLength: 35, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RetainUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    PurgedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_notifications",
                columns: table => new
                {
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_notifications", x => x.NotificationId);
                });

            migrationBuilder.CreateTable(
                name: "scripts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scripts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vendors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "verification_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verification_attempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_IncidentId_VendorId",
                table: "assignments",
                columns: new[] { "IncidentId", "VendorId" });

            migrationBuilder.CreateIndex(
                name: "IX_callbacks_CaseId",
                table: "callbacks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_callbacks_VendorId_Status_DueAt",
                table: "callbacks",
                columns: new[] { "VendorId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_caller_records_VendorId_IncidentId_PhoneIndex",
                table: "caller_records",
                columns: new[] { "VendorId", "IncidentId", "PhoneIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_caller_records_VendorId_IncidentId_ReferenceCodeIndex",
                table: "caller_records",
                columns: new[] { "VendorId", "IncidentId", "ReferenceCodeIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_case_notes_CaseId",
                table: "case_notes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_reads_VendorId_At",
                table: "case_reads",
                columns: new[] { "VendorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_VendorId_IncidentId_PersonId_Status",
                table: "cases",
                columns: new[] { "VendorId", "IncidentId", "PersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_VendorId_Status",
                table: "cases",
                columns: new[] { "VendorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_escalations_IncidentId",
                table: "escalations",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_escalations_VendorId",
                table: "escalations",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_person_notifications_IncidentId_PersonId",
                table: "person_notifications",
                columns: new[] { "IncidentId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_person_notifications_IncidentId_SentAt",
                table: "person_notifications",
                columns: new[] { "IncidentId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scripts_IncidentId_Language_Version",
                table: "scripts",
                columns: new[] { "IncidentId", "Language", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_verification_attempts_AgentId_At",
                table: "verification_attempts",
                columns: new[] { "AgentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_verification_attempts_VendorId_At",
                table: "verification_attempts",
                columns: new[] { "VendorId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignments");

            migrationBuilder.DropTable(
                name: "callbacks");

            migrationBuilder.DropTable(
                name: "caller_records");

            migrationBuilder.DropTable(
                name: "case_notes");

            migrationBuilder.DropTable(
                name: "case_reads");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "escalations");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "person_notifications");

            migrationBuilder.DropTable(
                name: "scripts");

            migrationBuilder.DropTable(
                name: "vendors");

            migrationBuilder.DropTable(
                name: "verification_attempts");
        }
    }
}
