using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NotifyHub.Notifications.Tallies;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NotifyHub.Notifications.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class NoticeTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "known_people",
                schema: "notifications",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_people", x => new { x.IncidentId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "notice_hour_tallies",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Hour = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Delta = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_hour_tallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notice_tallies",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Delta = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_tallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people_tallies",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Delta = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_tallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_hour_tallies_IncidentId_Hour",
                schema: "notifications",
                table: "notice_hour_tallies",
                columns: new[] { "IncidentId", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_notice_tallies_IncidentId",
                schema: "notifications",
                table: "notice_tallies",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_people_tallies_IncidentId",
                schema: "notifications",
                table: "people_tallies",
                column: "IncidentId");

            // The triggers that keep the tallies, and what is already there counted once.
            migrationBuilder.Sql(TallyTriggers.PostgreSqlUp);
            migrationBuilder.Sql(PeopleTallyTriggers.PostgreSqlUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TallyTriggers.PostgreSqlDown);
            migrationBuilder.Sql(PeopleTallyTriggers.PostgreSqlDown);

            migrationBuilder.DropTable(
                name: "known_people",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "notice_hour_tallies",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "notice_tallies",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "people_tallies",
                schema: "notifications");
        }
    }
}
