using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NotifyHub.Notifications.Tallies;

#nullable disable

namespace NotifyHub.Notifications.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "known_people",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_known_people", x => new { x.IncidentId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "notice_hour_tallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Hour = table.Column<string>(type: "TEXT", maxLength: 13, nullable: false),
                    Delta = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_hour_tallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notice_tallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Delta = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_tallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people_tallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Delta = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people_tallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_hour_tallies_IncidentId_Hour",
                table: "notice_hour_tallies",
                columns: new[] { "IncidentId", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_notice_tallies_IncidentId",
                table: "notice_tallies",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_people_tallies_IncidentId",
                table: "people_tallies",
                column: "IncidentId");

            // The triggers that keep the tallies, and what is already there counted once.
            migrationBuilder.Sql(TallyTriggers.SqliteUp);
            migrationBuilder.Sql(PeopleTallyTriggers.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TallyTriggers.SqliteDown);
            migrationBuilder.Sql(PeopleTallyTriggers.SqliteDown);

            migrationBuilder.DropTable(
                name: "known_people");

            migrationBuilder.DropTable(
                name: "notice_hour_tallies");

            migrationBuilder.DropTable(
                name: "notice_tallies");

            migrationBuilder.DropTable(
                name: "people_tallies");
        }
    }
}
