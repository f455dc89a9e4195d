async fn login(Query(params): Query<Next>) -> Redirect {
    if params.next.starts_with('/') && !params.next.starts_with("//") {
        return Redirect::to(&params.next);
    }
    Redirect::to("/")
}
