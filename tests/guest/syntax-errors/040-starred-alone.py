*head = [1, 2]
