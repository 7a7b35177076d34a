"""Generated from ui/*.ui by koperasi.ui.build_forms; do not edit."""
