"""HTTP edge: routers parse, authorise, call one service and shape the reply."""
