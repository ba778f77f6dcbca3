print("rampart-bench")
