"""The HTTP side beside Streamlit: the app's own routes and the readiness checks (no streamlit imports)."""
