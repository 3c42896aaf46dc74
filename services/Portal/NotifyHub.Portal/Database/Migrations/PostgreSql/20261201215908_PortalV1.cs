using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NotifyHub.Portal.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PortalV1 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alarms",
                schema: "portal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alarms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "callback_codes",
                schema: "portal",
                columns: table => new
                {
                    CallbackId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CodeHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_callback_codes", x => x.CallbackId);
                });

            migrationBuilder.CreateTable(
                name: "failures",
                schema: "portal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_failures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                schema: "portal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Open = table.Column<bool>(type: "boolean", nullable: false),
                    OpenedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "portal",
                columns: table => new
                {
                    NotificationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.NotificationId);
                });

            migrationBuilder.CreateTable(
                name: "people",
                schema: "portal",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Projection = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReferenceCodeIndex = table.Column<byte[]>(type: "bytea", nullable: false),
                    DateOfBirthIndex = table.Column<byte[]>(type: "bytea", nullable: true),
                    PostcodeIndex = table.Column<byte[]>(type: "bytea", nullable: true),
                    StopEmail = table.Column<bool>(type: "boolean", nullable: false),
                    StopSms = table.Column<bool>(type: "boolean", nullable: false),
                    FailedFactors = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "portal",
                columns: table => new
                {
                    TokenHash = table.Column<byte[]>(type: "bytea", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                schema: "portal",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Statement = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Advice = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    HelplinePhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    HelplineHours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => new { x.IncidentId, x.Language });
                });

            migrationBuilder.CreateIndex(
                name: "IX_alarms_At",
                schema: "portal",
                table: "alarms",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_callback_codes_CodeHash",
                schema: "portal",
                table: "callback_codes",
                column: "CodeHash");

            migrationBuilder.CreateIndex(
                name: "IX_callback_codes_IncidentId",
                schema: "portal",
                table: "callback_codes",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_failures_At",
                schema: "portal",
                table: "failures",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_failures_ClientKey_At",
                schema: "portal",
                table: "failures",
                columns: new[] { "ClientKey", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_IncidentId",
                schema: "portal",
                table: "notifications",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_PersonId",
                schema: "portal",
                table: "notifications",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_people_IncidentId",
                schema: "portal",
                table: "people",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_people_ReferenceCodeIndex",
                schema: "portal",
                table: "people",
                column: "ReferenceCodeIndex");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_ExpiresAt",
                schema: "portal",
                table: "sessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_IncidentId",
                schema: "portal",
                table: "sessions",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alarms",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "callback_codes",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "failures",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "incidents",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "people",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "portal");

            migrationBuilder.DropTable(
                name: "statements",
                schema: "portal");
        }
    }
}
