namespace TaxiDuration.Data.Synthetic;

/// <summary>
/// Which rows of a month carry which defect. Counts are exact (share × rows, rounded) and rows are chosen by a
/// seeded shuffle, so even a small test month has every kind of dirt and the same seed gives the same rows.
/// </summary>
internal sealed class DefectPlan
{
    /// <summary>Shares close to what the real 2021–2023 green files show (about 96 % survive the 1–60 min filter).</summary>
    private static readonly (TripDefect Defect, double Share)[] Shares =
    [
        (TripDefect.ZeroDistance, 0.02),
        (TripDefect.SubMinute, 0.015),
        (TripDefect.LongTrip, 0.006),
        (TripDefect.MultiDay, 0.002),
        (TripDefect.NegativeDuration, 0.0005),
        (TripDefect.OutsideMonth, 0.0005),
    ];

    /// <summary>Rows whose optional meter fields (RatecodeID, passenger_count, payment_type…) are all null, as in real files.</summary>
    private const double MissingMeterFieldsShare = 0.04;

    private readonly TripDefect[] defects;
    private readonly bool[] missingMeterFields;

    public DefectPlan(int rows, Random random)
    {
        defects = new TripDefect[rows];
        var order = Shuffled(rows, random);
        var next = 0;
        foreach (var (defect, share) in Shares)
        {
            for (var taken = 0; taken < CountOf(share, rows) && next < rows; taken++)
            {
                defects[order[next++]] = defect;
            }
        }

        missingMeterFields = new bool[rows];
        foreach (var row in Shuffled(rows, random).Take(CountOf(MissingMeterFieldsShare, rows)))
        {
            missingMeterFields[row] = true;
        }
    }

    public TripDefect DefectOf(int row) => defects[row];

    public bool LacksMeterFields(int row) => missingMeterFields[row];

    private static int CountOf(double share, int rows) => (int)Math.Round(share * rows, MidpointRounding.AwayFromZero);

    private static int[] Shuffled(int rows, Random random)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        return order;
    }
}
