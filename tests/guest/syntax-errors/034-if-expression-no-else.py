label = "big" if size > 3
