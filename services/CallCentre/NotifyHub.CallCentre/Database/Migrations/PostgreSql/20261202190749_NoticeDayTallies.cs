using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NotifyHub.CallCentre.Notifications;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NotifyHub.CallCentre.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class NoticeDayTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notice_day_tallies",
                schema: "callcentre",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<long>(type: "bigint", nullable: false),
                    Delta = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_day_tallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notice_day_tallies_IncidentId_Day",
                schema: "callcentre",
                table: "notice_day_tallies",
                columns: new[] { "IncidentId", "Day" });

            // The triggers that keep the tallies, and the history already there counted once.
            migrationBuilder.Sql(NoticeDayTallyTriggers.PostgreSqlUp);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NoticeDayTallyTriggers.PostgreSqlDown);

            migrationBuilder.DropTable(
                name: "notice_day_tallies",
                schema: "callcentre");
        }
    }
}
