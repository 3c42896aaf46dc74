using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.CallCentre.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CasesAndProjections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignments",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: true),
                    Projected = table.Column<int>(type: "integer", nullable: false),
                    AssignedAt = table.Column<long>(type: "bigint", nullable: false),
                    AssignedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "callbacks",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<byte[]>(type: "bytea", nullable: false),
                    Code = table.Column<byte[]>(type: "bytea", nullable: false),
                    CodeHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    DoneAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_callbacks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "caller_records",
                schema: "callcentre",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Projection = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReferenceCodeIndex = table.Column<byte[]>(type: "bytea", nullable: false),
                    PhoneIndex = table.Column<byte[]>(type: "bytea", nullable: true),
                    DateOfBirthIndex = table.Column<byte[]>(type: "bytea", nullable: true),
                    PostcodeIndex = table.Column<byte[]>(type: "bytea", nullable: true),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_caller_records", x => new { x.VendorId, x.IncidentId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "case_notes",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<byte[]>(type: "bytea", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_reads",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_reads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedAt = table.Column<long>(type: "bigint", nullable: false),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "escalations",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<byte[]>(type: "bytea", nullable: false),
                    EscalatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpenedAt = table.Column<long>(type: "bigint", nullable: false),
                    DefaultLanguage = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    RetainUntil = table.Column<long>(type: "bigint", nullable: true),
                    PurgedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_notifications",
                schema: "callcentre",
                columns: table => new
                {
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_notifications", x => x.NotificationId);
                });

            migrationBuilder.CreateTable(
                name: "scripts",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scripts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vendors",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisteredAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "verification_attempts",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Verified = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verification_attempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_IncidentId_VendorId",
                schema: "callcentre",
                table: "assignments",
                columns: new[] { "IncidentId", "VendorId" });

            migrationBuilder.CreateIndex(
                name: "IX_callbacks_CaseId",
                schema: "callcentre",
                table: "callbacks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_callbacks_VendorId_Status_DueAt",
                schema: "callcentre",
                table: "callbacks",
                columns: new[] { "VendorId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_caller_records_VendorId_IncidentId_PhoneIndex",
                schema: "callcentre",
                table: "caller_records",
                columns: new[] { "VendorId", "IncidentId", "PhoneIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_caller_records_VendorId_IncidentId_ReferenceCodeIndex",
                schema: "callcentre",
                table: "caller_records",
                columns: new[] { "VendorId", "IncidentId", "ReferenceCodeIndex" });

            migrationBuilder.CreateIndex(
                name: "IX_case_notes_CaseId",
                schema: "callcentre",
                table: "case_notes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_reads_VendorId_At",
                schema: "callcentre",
                table: "case_reads",
                columns: new[] { "VendorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_VendorId_IncidentId_PersonId_Status",
                schema: "callcentre",
                table: "cases",
                columns: new[] { "VendorId", "IncidentId", "PersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_VendorId_Status",
                schema: "callcentre",
                table: "cases",
                columns: new[] { "VendorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_escalations_IncidentId",
                schema: "callcentre",
                table: "escalations",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_escalations_VendorId",
                schema: "callcentre",
                table: "escalations",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_person_notifications_IncidentId_PersonId",
                schema: "callcentre",
                table: "person_notifications",
                columns: new[] { "IncidentId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_person_notifications_IncidentId_SentAt",
                schema: "callcentre",
                table: "person_notifications",
                columns: new[] { "IncidentId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scripts_IncidentId_Language_Version",
                schema: "callcentre",
                table: "scripts",
                columns: new[] { "IncidentId", "Language", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_verification_attempts_AgentId_At",
                schema: "callcentre",
                table: "verification_attempts",
                columns: new[] { "AgentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_verification_attempts_VendorId_At",
                schema: "callcentre",
                table: "verification_attempts",
                columns: new[] { "VendorId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignments",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "callbacks",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "caller_records",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "case_notes",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "case_reads",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "escalations",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "incidents",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "person_notifications",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "scripts",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "vendors",
                schema: "callcentre");

            migrationBuilder.DropTable(
                name: "verification_attempts",
                schema: "callcentre");
        }
    }
}
