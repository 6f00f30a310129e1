namespace TaxiDuration.Tracking.Tests;

/// <summary>How an alias move's expectation reads in a conflict: the message a promoter sees when it lost the race.</summary>
public sealed class AliasPreconditionTests
{
    [Fact]
    public void Preconditions_read_as_any_unset_or_the_version()
    {
        Assert.Equal("any", AliasPrecondition.None.ToString());
        Assert.Equal("unset", AliasPrecondition.Unset.ToString());
        Assert.Equal("version 3", AliasPrecondition.PointsAt(3).ToString());
    }

    [Fact]
    public void A_conflict_says_where_the_alias_is_and_where_it_was_expected()
    {
        var moved = new AliasConflictException("taxi-duration", "champion", AliasPrecondition.PointsAt(2), 4);
        var deleted = new AliasConflictException("taxi-duration", "champion", AliasPrecondition.PointsAt(2), null);

        Assert.Equal(
            "taxi-duration@champion is version 4, not version 2 as expected: it was moved meanwhile. Nothing was changed; look again (models) and retry.",
            moved.Message);
        Assert.StartsWith("taxi-duration@champion is unset, not version 2 as expected", deleted.Message, StringComparison.Ordinal);
        Assert.Null(deleted.Actual);
    }
}
