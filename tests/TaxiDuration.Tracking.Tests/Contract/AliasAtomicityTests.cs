using System.Data.Common;
using TaxiDuration.TestSupport;
using static TaxiDuration.Tracking.Tests.Contract.StoreArrangements;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>
/// An alias move and its audit row are one write: when the database fails after the alias itself has moved, nothing
/// of the move is left, so the history always explains where every alias points.
/// </summary>
public sealed class AliasAtomicityTests(FreshDatabase database) : IClassFixture<FreshDatabase>
{
    private const string Failure = "simulated failure";

    [Theory, OnSqlite, OnPostgres]
    public void A_move_whose_history_row_fails_leaves_the_alias_where_it_was(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        store.RegisterModelVersions(2);
        store.Registry.SetAlias(Model, "champion", 1, "first", "alice");
        // The alias row is written first, then its history row: fail the second, as a full disk or a crash would.
        store.FailInsertsInto("alias_history", Failure);

        var error = Assert.ThrowsAny<DbException>(() => store.Registry.SetAlias(Model, "champion", 2, "second", "alice"));

        Assert.Contains(Failure, error.Message, StringComparison.Ordinal);
        AssertChampionAndHistory(store, champion: 1, ["first"]);
        store.StopFailingInsertsInto("alias_history");
        Assert.Equal(2, store.Registry.SetAlias(Model, "champion", 2, "second", "alice").Version);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_promotion_that_fails_after_moving_the_champion_keeps_the_old_champion_and_no_previous_champion(Backend backend)
    {
        using var store = ContractStore.Create(backend, database);
        store.RegisterModelVersions(2);
        store.Registry.PromoteChampion(Model, 1, "first", "gate", AliasPrecondition.Unset);
        // By the time previous-champion's history row is written, the champion and its history row already moved.
        store.FailInsertsInto("alias_history", Failure, $"NEW.alias = '{RegistryAliases.PreviousChampion}'");

        var error = Assert.ThrowsAny<DbException>(
            () => store.Registry.PromoteChampion(Model, 2, "better", "gate", AliasPrecondition.PointsAt(1)));

        Assert.Contains(Failure, error.Message, StringComparison.Ordinal);
        AssertChampionAndHistory(store, champion: 1, ["first"]);
        Assert.Throws<KeyNotFoundException>(() => store.Registry.GetModelVersionByAlias(Model, RegistryAliases.PreviousChampion));
    }

    private static void AssertChampionAndHistory(ContractStore store, int champion, string[] reasons)
    {
        Assert.Equal(champion, store.Registry.GetModelVersionByAlias(Model, RegistryAliases.Champion).Version);
        Assert.Equal(reasons, store.Registry.GetAliasHistory(Model).Select(change => change.Reason));
        // Straight from the table too: no alias row without the history row that explains it.
        Assert.Equal(reasons.Length, store.Sql.Long("SELECT COUNT(*) FROM model_aliases;"));
    }
}
