using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NotifyHub.Portal.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortalV1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alarms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alarms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "callback_codes",
                columns: table => new
                {
                    CallbackId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CodeHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_callback_codes", x => x.CallbackId);
                });

            migrationBuilder.CreateTable(
                name: "failures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClientKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_failures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.NotificationId);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Projection = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReferenceCodeIndex = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DateOfBirthIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    PostcodeIndex = table.Column<byte[]>(type: "BLOB", nullable: true),
                    StopEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    StopSms = table.Column<bool>(type: "INTEGER", nullable: false),
                    FailedFactors = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    TokenHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Statement = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Advice = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    HelplinePhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HelplineHours = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => new { x.IncidentId, x.Language });
                });

            migrationBuilder.CreateIndex(
                name: "IX_alarms_At",
                table: "alarms",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_callback_codes_CodeHash",
                table: "callback_codes",
                column: "CodeHash");

            migrationBuilder.CreateIndex(
                name: "IX_callback_codes_IncidentId",
                table: "callback_codes",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_failures_At",
                table: "failures",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_failures_ClientKey_At",
                table: "failures",
                columns: new[] { "ClientKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_IncidentId",
                table: "notifications",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_PersonId",
                table: "notifications",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_IncidentId",
                table: "people",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_people_ReferenceCodeIndex",
                table: "people",
                column: "ReferenceCodeIndex");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_ExpiresAt",
                table: "sessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_IncidentId",
                table: "sessions",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alarms");

            migrationBuilder.DropTable(
                name: "callback_codes");

            migrationBuilder.DropTable(
                name: "failures");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "statements");
        }
    }
}
