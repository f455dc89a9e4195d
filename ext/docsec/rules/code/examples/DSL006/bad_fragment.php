if (md5($pwd) === $row["hash"]) {  // expect: DSL006
    login($row);
}
