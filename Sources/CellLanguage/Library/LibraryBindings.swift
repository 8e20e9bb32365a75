extension BindingTable {
    /// Every library type exposed to cells: plots, progress, datasets, tensors, models and training.
    static var libraryTypeBindings: [TypeBindings] {
        [figureBindings, lineSeriesBindings, plotImageBindings, tableBindings, markdownBindings, progressBarBindings]
            + datasetTypeBindings + tensorTypeBindings + modelTypeBindings + trainingTypeBindings
    }
}
