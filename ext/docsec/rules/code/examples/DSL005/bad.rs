#[derive(Deserialize)]
struct Next { next: String }

async fn login(Query(params): Query<Next>) -> Redirect {
    Redirect::to(&params.next)  // expect: DSL005
}
