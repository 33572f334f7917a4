"""Hidden tests, one module per assignment. Each hidden-test region in a source
notebook is one call into these modules; students never see them."""
