<?php
$stmt = $pdo->prepare("SELECT * FROM users WHERE id = ?");
$stmt->execute([$id]);
$users = DB::select("SELECT * FROM users WHERE email = ?", [$email]);
$rows = $pdo->query("SELECT * FROM users WHERE id = " . intval($id));
$posts = Post::whereRaw("title LIKE ?", ["%{$term}%"])->get();
