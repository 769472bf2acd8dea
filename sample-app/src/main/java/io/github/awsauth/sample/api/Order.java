package io.github.awsauth.sample.api;

/**
 * An order of the sample's in-memory shop.
 *
 * @param id the id, assigned on creation
 * @param item what was ordered
 * @param quantity how many
 * @param owner who the order belongs to
 */
public record Order(Long id, String item, int quantity, String owner) {

}
