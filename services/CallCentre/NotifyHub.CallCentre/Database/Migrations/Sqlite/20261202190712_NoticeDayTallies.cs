using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NotifyHub.CallCentre.Notifications;

#nullable disable

namespace NotifyHub.CallCentre.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NoticeDayTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notice_day_tallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<long>(type: "INTEGER", nullable: false),
                    Delta = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_day_tallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_day_tallies_IncidentId_Day",
                table: "notice_day_tallies",
                columns: new[] { "IncidentId", "Day" });

            // The triggers that keep the tallies, and the history already there counted once.
            migrationBuilder.Sql(NoticeDayTallyTriggers.SqliteUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NoticeDayTallyTriggers.SqliteDown);

            migrationBuilder.DropTable(
                name: "notice_day_tallies");
        }
    }
}
