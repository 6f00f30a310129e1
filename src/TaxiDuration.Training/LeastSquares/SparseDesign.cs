using Microsoft.ML;
using Microsoft.ML.Data;

namespace TaxiDuration.Training.LeastSquares;

/// <summary>
/// The training rows held as a compressed sparse row matrix plus labels. One-hot features make each row a
/// handful of non-zeros out of thousands of columns, so every solver pass costs O(non-zeros), not O(rows × columns).
/// </summary>
internal sealed class SparseDesign
{
    private SparseDesign(int columnCount, int[] rowStarts, int[] columns, float[] values, double[] labels, int skippedRows)
    {
        ColumnCount = columnCount;
        RowStarts = rowStarts;
        Columns = columns;
        Values = values;
        Labels = labels;
        SkippedRows = skippedRows;
    }

    public int RowCount => Labels.Length;

    public int ColumnCount { get; }

    /// <summary>Row i's non-zeros are at positions RowStarts[i] .. RowStarts[i + 1] - 1 of Columns and Values.</summary>
    public int[] RowStarts { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public double[] Labels { get; }

    /// <summary>Rows left out because the label or a feature was NaN or infinite (ML.NET trainers skip them too).</summary>
    public int SkippedRows { get; }

    /// <summary>Builds a design from rows given as (column, value) pairs; for callers that already hold the data.</summary>
    public static SparseDesign FromRows(int columnCount, IReadOnlyList<(int Column, float Value)[]> rows, IReadOnlyList<double> labels)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(labels.Count, rows.Count, nameof(labels));
        var builder = new Builder(columnCount);
        for (var i = 0; i < rows.Count; i++)
        {
            builder.Add(rows[i].Select(entry => entry.Column).ToArray(), rows[i].Select(entry => entry.Value).ToArray(), labels[i]);
        }

        return builder.Build();
    }

    /// <summary>Reads a float-vector feature column and a float label column with one cursor pass.</summary>
    public static SparseDesign Read(IDataView data, string featureColumnName, string labelColumnName)
    {
        var featureColumn = data.Schema.GetColumnOrNull(featureColumnName)
            ?? throw new ArgumentException($"The data has no feature column '{featureColumnName}'.", nameof(featureColumnName));
        var labelColumn = data.Schema.GetColumnOrNull(labelColumnName)
            ?? throw new ArgumentException($"The data has no label column '{labelColumnName}'.", nameof(labelColumnName));
        if (featureColumn.Type is not VectorDataViewType { ItemType: NumberDataViewType, Size: > 0 } vectorType
            || vectorType.ItemType.RawType != typeof(float))
        {
            throw new ArgumentException($"Feature column '{featureColumnName}' must be a known-size float vector, is {featureColumn.Type}.", nameof(featureColumnName));
        }

        if (labelColumn.Type.RawType != typeof(float))
        {
            throw new ArgumentException($"Label column '{labelColumnName}' must be a float, is {labelColumn.Type}.", nameof(labelColumnName));
        }

        var builder = new Builder(vectorType.Size);
        using var cursor = data.GetRowCursor([featureColumn, labelColumn]);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(featureColumn);
        var getLabel = cursor.GetGetter<float>(labelColumn);
        VBuffer<float> features = default;
        float label = 0;
        while (cursor.MoveNext())
        {
            getFeatures(ref features);
            getLabel(ref label);
            builder.Add(features, label);
        }

        return builder.Build();
    }

    /// <summary>Grows the CSR arrays row by row, keeping only finite rows and non-zero entries.</summary>
    private sealed class Builder(int columnCount)
    {
        private readonly List<int> _rowStarts = [0];
        private readonly List<int> _columns = [];
        private readonly List<float> _values = [];
        private readonly List<double> _labels = [];
        private int _skippedRows;
        private int[]? _denseColumns;

        public void Add(in VBuffer<float> features, float label)
        {
            var values = features.GetValues();
            if (features.IsDense)
            {
                _denseColumns ??= Enumerable.Range(0, columnCount).ToArray();
                Add(_denseColumns.AsSpan(0, values.Length), values, label);
            }
            else
            {
                Add(features.GetIndices(), values, label);
            }
        }

        public void Add(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, double label)
        {
            if (!double.IsFinite(label) || !AllFinite(values))
            {
                _skippedRows++;
                return;
            }

            for (var k = 0; k < values.Length; k++)
            {
                if (columns[k] < 0 || columns[k] >= columnCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(columns), $"Feature index {columns[k]} is outside 0..{columnCount - 1}.");
                }

                if (values[k] != 0)
                {
                    _columns.Add(columns[k]);
                    _values.Add(values[k]);
                }
            }

            _labels.Add(label);
            _rowStarts.Add(_columns.Count);
        }

        public SparseDesign Build() =>
            new(columnCount, [.. _rowStarts], [.. _columns], [.. _values], [.. _labels], _skippedRows);

        private static bool AllFinite(ReadOnlySpan<float> values)
        {
            foreach (var value in values)
            {
                if (!float.IsFinite(value))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
