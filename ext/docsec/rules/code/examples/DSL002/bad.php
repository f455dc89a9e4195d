<?php
$rows = $pdo->query("SELECT * FROM users WHERE id = $id");  // expect: DSL002
$result = mysqli_query($conn, "SELECT * FROM users WHERE name = '" . $_GET["name"] . "'");  // expect: DSL002
$users = DB::select("SELECT * FROM users WHERE email = '{$email}'");  // expect: DSL002
$posts = Post::whereRaw("title LIKE '%" . $term . "%'")->get();  // expect: DSL002
