using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NotifyHub.Notifications.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "BatchId",
                schema: "notifications",
                table: "notifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                schema: "notifications",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NotBefore",
                schema: "notifications",
                table: "notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "affected_parties",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Projection = table.Column<byte[]>(type: "bytea", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    DataCategories = table.Column<List<string>>(type: "text[]", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affected_parties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_recipients",
                schema: "notifications",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_recipients", x => new { x.CampaignId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Channels = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Strategy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    EnrolmentComplete = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LaunchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_templates",
                schema: "notifications",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_templates", x => new { x.CampaignId, x.Channel });
                    table.ForeignKey(
                        name: "FK_campaign_templates_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalSchema: "notifications",
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_BatchId",
                schema: "notifications",
                table: "notifications",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Status_NotBefore",
                schema: "notifications",
                table: "notifications",
                columns: new[] { "Status", "NotBefore" });

            migrationBuilder.CreateIndex(
                name: "IX_affected_parties_IncidentId_Id",
                schema: "notifications",
                table: "affected_parties",
                columns: new[] { "IncidentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_affected_parties_IncidentId_PersonId_Purpose",
                schema: "notifications",
                table: "affected_parties",
                columns: new[] { "IncidentId", "PersonId", "Purpose" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_IncidentId_Status",
                schema: "notifications",
                table: "campaigns",
                columns: new[] { "IncidentId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "affected_parties",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "campaign_recipients",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "campaign_templates",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "campaigns",
                schema: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_BatchId",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_notifications_Status_NotBefore",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "BatchId",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                schema: "notifications",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "NotBefore",
                schema: "notifications",
                table: "notifications");
        }
    }
}
